from pac_sac_desktop.core.render import highlight_html, to_html


def test_markdown_is_rendered_and_scripts_are_removed():
    html = to_html(
        "## Titre\n\n- un\n- deux\n\n<script>alert(1)</script>\n[lien](javascript:alert(1))"
    )
    assert "<h2>Titre</h2>" in html and "<li>un</li>" in html
    assert "<script" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html  # shown as text, never run


def test_links_between_articles_survive_sanitizing():
    html = to_html("Voir [l'écocentre](kb:ecocentre-horaire).")
    assert 'href="kb:ecocentre-horaire"' in html


def test_highlight_marks_words_in_text_but_never_inside_tags():
    html = to_html("Le **bac** bleu, voir [bac](kb:bac).")

    def spans(text):
        start = text.find("bac")
        return [(start, start + 3)] if start >= 0 else []

    out = highlight_html(html, spans)
    assert "<mark>bac</mark>" in out
    assert 'href="kb:bac"' in out
