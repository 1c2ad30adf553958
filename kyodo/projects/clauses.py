"""The city's model clauses (guideline.ModelClause) offered as the agreement's editable text.

A clause with a field of its own on the agreement (守秘義務, 個人情報の取扱い, 成果物の権利) fills
that field; every other clause of the form (再委託, 実績報告, 有効期限 …) goes into 「その他」 under
its title. Only empty fields are filled: nothing a person wrote is replaced.
"""

# The clause keys of the city file that have a field of their own on the agreement.
CLAUSE_FIELDS = {
    "confidentiality": "confidentiality",
    "personal-data": "personal_data",
    "work-rights": "rights",
}


def clause_text(clauses) -> dict[str, str]:
    """{agreement field: text} for the given clauses; the others joined into other_clauses."""
    texts: dict[str, str] = {}
    others = []
    for clause in clauses:
        field = CLAUSE_FIELDS.get(clause.key)
        if field:
            texts[field] = clause.text
        else:
            others.append(f"（{clause.title}）\n{clause.text}")
    if others:
        texts["other_clauses"] = "\n".join(others)
    return texts


def clause_initial(clauses, agreement=None) -> dict[str, str]:
    """The given model clauses for the agreement fields that are still empty."""
    texts = clause_text(clauses)
    return {
        field: text
        for field, text in texts.items()
        if agreement is None or not (getattr(agreement, field) or "").strip()
    }
