"""The names of the personas every test may ask for (fixtures in the root conftest.py).

A test that tries every role imports PERSONAS from here, so that a persona added once is tried
everywhere: `@pytest.mark.parametrize("persona", PERSONAS)` with `persona_client(persona)`.
"""

PERSONAS = [
    "administrator",
    "coordinator",
    "staff_a",
    "staff_b",
    "partner_member",
    "evaluator",
    "outsider",
    "anonymous",
]
