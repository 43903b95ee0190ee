"""The index is a cache: it rebuilds or catches up by itself, whatever happened to it."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap

from pac_sac_desktop.services.knowledge import KnowledgeBase
from tests.conftest import write_article


def open_kb(home, small_kb_dir):
    kb = KnowledgeBase.open(home)
    kb.import_path(small_kb_dir)
    return kb


def test_missing_index_is_rebuilt(home, small_kb_dir):
    kb = open_kb(home, small_kb_dir)
    kb.close()
    shutil.rmtree(home / "index")
    kb = KnowledgeBase.open(home)
    assert kb.ensure_index() == "rebuilt"
    assert kb.search("écocentre", limit=1)[0].hit.id == "ecocentre-horaire"
    kb.close()


def test_stale_index_catches_up_with_only_the_changes(home, small_kb_dir, tmp_path):
    kb = open_kb(home, small_kb_dir)
    kb.close()
    # Another process (a sync, an import) changed the database while the index was closed.
    kb2 = KnowledgeBase.open(home)
    more = tmp_path / "more"
    more.mkdir()
    write_article(more, "piscines-permis", "Permis de piscine", "Une clôture est obligatoire.")
    with kb2.db.transaction() as s:
        from pac_sac_desktop.core.kb import read_article_file
        from pac_sac_desktop.store import kb_repo

        kb_repo.upsert_article(s, read_article_file(more / "piscines-permis.md"))
    assert kb2.ensure_index() == "updated"
    assert kb2.search("piscine", limit=1)[0].hit.id == "piscines-permis"
    assert kb2.ensure_index() == "ok"
    kb2.close()


def test_corrupt_index_is_rebuilt(home, small_kb_dir):
    kb = open_kb(home, small_kb_dir)
    kb.close()
    for f in (home / "index").iterdir():
        if f.suffix in {".seg", ".trm", ".pst"} or f.name.endswith("_WORDS.trm"):
            f.write_bytes(b"\x00garbage" * 10)
    for f in (home / "index").glob("*.toc"):
        f.write_bytes(b"not a toc")
    kb = KnowledgeBase.open(home)
    assert kb.ensure_index() == "rebuilt"
    assert kb.search("recyclage", limit=1)[0].hit.id == "recyclage-bac-bleu"
    kb.close()


def test_index_from_an_older_schema_is_rebuilt(home, small_kb_dir):
    kb = open_kb(home, small_kb_dir)
    kb.close()
    meta = home / "index" / "pac-sac-index.json"
    meta.write_text(meta.read_text().replace('"schema": ', '"schema": 99'), encoding="utf-8")
    kb = KnowledgeBase.open(home)
    assert kb.ensure_index() == "rebuilt"
    kb.close()


def test_lock_held_by_a_killed_process_does_not_block_updates(home, small_kb_dir, tmp_path):
    kb = open_kb(home, small_kb_dir)
    kb.close()
    script = textwrap.dedent(
        f"""
        import sys, time
        from whoosh import index
        ix = index.open_dir({str(home / "index")!r})
        w = ix.writer()
        w.add_document(id="half-written", head="x", text="x", words="x", service="x", title="x")
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    more = tmp_path / "more"
    more.mkdir()
    write_article(more, "piscines-permis", "Permis de piscine", "Une clôture est obligatoire.")
    kb = KnowledgeBase.open(home)
    report = kb.import_path(more)
    assert report.created == ["piscines-permis"]
    assert kb.search("piscine", limit=1)[0].hit.id == "piscines-permis"
    assert not kb.search("half written", limit=3)
    kb.close()


def test_crash_during_rebuild_keeps_a_usable_index(home, small_kb_dir):
    kb = open_kb(home, small_kb_dir)

    def exploding():
        yield from kb.source.iter_articles()
        raise RuntimeError("power cut")

    with contextlib.suppress(RuntimeError):
        kb.index.rebuild(exploding(), kb.kb_seq())
    assert kb.ensure_index() == "ok"
    assert kb.search("écocentre", limit=1)[0].hit.id == "ecocentre-horaire"
    kb.close()


def test_words_of_a_newly_indexed_article_complete_at_once(home, small_kb_dir, tmp_path):
    kb = open_kb(home, small_kb_dir)
    assert kb.search("trampol", limit=1) == []
    more = tmp_path / "more"
    more.mkdir()
    write_article(
        more,
        "trampolines",
        "Trampolines dans les cours arrière",
        "Un trampoline n'exige aucun permis.",
    )
    kb.import_path(more)
    assert kb.search("trampol", limit=1)[0].hit.id == "trampolines"
    kb.close()


def test_a_large_catch_up_goes_through_the_bulk_writer(home, small_kb_dir):
    from pac_sac_desktop.core.kb import Article
    from pac_sac_desktop.search.index import BULK_APPLY
    from pac_sac_desktop.store import kb_repo

    kb = KnowledgeBase.open(home, semantic=False)
    kb.import_path(small_kb_dir)
    before = kb.count()
    with kb.db.transaction() as s:
        for n in range(BULK_APPLY):
            kb_repo.upsert_article(
                s, Article(f"fiche-{n}", f"Fiche numéro {n}", f"Texte de la fiche zorglub{n}.")
            )
        old = kb_repo.get_article(s, "ecocentre-horaire")
        kb_repo.upsert_article(
            s, Article(old.id, old.title, "L'écocentre ferme ses portes en décembre.")
        )
        kb_repo.withdraw_article(s, "recyclage-bac-bleu")
    assert kb.ensure_index() == "updated"
    assert kb.index.meta().count == before + BULK_APPLY - 1 == kb.count()
    assert kb.search("zorglub42", limit=1)[0].hit.id == "fiche-42"
    assert kb.search("décembre", limit=1)[0].hit.id == "ecocentre-horaire"
    assert all(r.hit.id != "ecocentre-horaire" for r in kb.search("samedi", limit=5))
    assert all(r.hit.id != "recyclage-bac-bleu" for r in kb.search("recyclage", limit=5))
    assert kb.ensure_index() == "ok"
    kb.close()
