import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["council", "person", "term", "meeting", "outcome", "followup"])
def test_the_admin_shows_councils_read_only(client, administrator, world, model):
    client.force_login(administrator)
    response = client.get(reverse(f"admin:councils_{model}_changelist"))
    assert response.status_code == 200
    assert client.get(reverse(f"admin:councils_{model}_add")).status_code == 403
