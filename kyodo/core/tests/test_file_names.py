"""Download names in Japanese with an ASCII fallback (issue 17-3, 17-7)."""

from kyodo.core.exports import attachment_disposition, file_name_part


def test_a_title_becomes_a_safe_part_of_a_file_name():
    assert file_name_part("花いっぱい運動") == "花いっぱい運動"
    assert file_name_part('海岸/清掃: "春" の部 ') == "海岸_清掃_春_の部"
    assert file_name_part("\x00\x1f") == "_"
    assert len(file_name_part("あ" * 100)) == 40


def test_the_disposition_names_the_file_in_japanese_and_in_ascii():
    header = attachment_disposition("協定書_花いっぱい運動_第1版.docx", "agreement_v1.docx")
    assert header.startswith('attachment; filename="agreement_v1.docx"; ')
    assert "filename*=UTF-8''%E5%8D%94%E5%AE%9A%E6%9B%B8_" in header
    assert attachment_disposition("報告.csv", 'a"b.csv').count('"') == 2
