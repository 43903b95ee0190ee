import pytest

from pac_sac_desktop.core.attachments import MAX_SIZE, check
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.services.attachments import AttachmentStore

JPEG = b"\xff\xd8\xff\xe0" + b"photo" * 100
PDF = b"%PDF-1.7\n" + b"x" * 100


def test_type_is_read_from_the_content_not_the_name():
    assert check("trou.jpg", JPEG).type == "image/jpeg"
    assert check("plan.pdf", PDF).type == "application/pdf"
    with pytest.raises(ValidationFailed) as info:
        check("photo.jpg", b"MZ\x90\x00 an executable renamed")
    assert "n'est pas un type accepté" in info.value.fields["attachments"]


def test_size_is_capped_and_empty_files_refused():
    with pytest.raises(ValidationFailed, match="Pièce jointe refusée"):
        check("gros.jpg", b"\xff\xd8\xff" + b"0" * MAX_SIZE)
    with pytest.raises(ValidationFailed):
        check("vide.pdf", b"")


def test_store_keeps_one_copy_by_content_hash(tmp_path):
    store = AttachmentStore(tmp_path)
    (tmp_path / "a.jpg").write_bytes(JPEG)
    (tmp_path / "b.jpg").write_bytes(JPEG)
    first, second = store.add_file(tmp_path / "a.jpg"), store.add_file(tmp_path / "b.jpg")
    assert first.sha256 == second.sha256 and store.has(first.sha256)
    assert len(list((tmp_path / "attachments").rglob("*"))) == 2  # one folder, one file
