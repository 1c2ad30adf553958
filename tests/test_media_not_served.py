"""No uploaded file on an open URL: /media/ is not routed, with DEBUG on or off (issue 12.3).

Uploads are served only by the views of their records, after the permission check.
"""

import pytest
from django.core.files.base import ContentFile

from kyodo.partners.models import PartnerAttachment
from kyodo.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_a_stored_upload_has_no_open_address(client, settings, tmp_path, debug_urls):
    settings.MEDIA_ROOT = tmp_path
    attachment = PartnerAttachment(
        partner=PartnerFactory(), kind="other", title="定款", filename="定款.pdf", size=len(PDF)
    )
    attachment.file.save("定款.pdf", ContentFile(PDF), save=True)
    assert (tmp_path / attachment.file.name).exists()
    response = client.get(f"{settings.MEDIA_URL}{attachment.file.name}")
    assert response.status_code == 404
    assert PDF not in b"".join(getattr(response, "streaming_content", [response.content]))
