"""End to end in headless Chromium (Debian's package, driven by Playwright; no browser download).

Over the demo store: search "Blinken", open the article of one of his statements and see its
sentence highlighted, open the story page and find the series in the chart. Over a hostile
article: every page that shows it runs nothing of it. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from newsclaims.demo import ARTICLES_PATH
from newsclaims.web.server import background_server
from newsclaims.web.settings import ServeSettings
from web_fixtures import HOSTILE_SPEAKER, hostile_record, write_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# NEWSCLAIMS_CHROMIUM points at another Chromium build (the tests never download one).
CHROMIUM = os.environ.get("NEWSCLAIMS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
DEMO_STORY = "soldats nord-coréens"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium found (Debian: apt-get install chromium); the browser tests need one")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(browser: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo articles (extracted for real) and the hostile article, served on loopback; built
    after ``browser``, so that a machine without Chromium skips before paying for the extraction."""
    from newsclaims.ingest import ingest

    db = write_store(tmp_path_factory.mktemp("site") / "demo.duckdb", [hostile_record()])
    stats = ingest([str(ARTICLES_PATH)], db, workers=0)
    assert stats.stored == 18
    with background_server(ServeSettings(db=db)) as url:
        yield url


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.console_messages = []
    pg.dialogs = []
    pg.on("console", lambda m: pg.console_messages.append(m.text))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


def test_search_an_article_its_sentence_and_the_story(site: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/")
    page.fill("input[name=q]", "Blinken")
    page.click("button[type=submit]")
    page.wait_for_url("**q=Blinken**")
    hits = page.locator("li.hit-statement")
    assert hits.count() > 0
    assert "Blinken" in hits.first.inner_text()
    hits.first.locator("a.hit-link").click()
    page.wait_for_url("**/articles/*#s*")
    anchor = page.url.rsplit("#", 1)[1]
    sentence = page.locator(f"#{anchor}")
    assert sentence.is_visible()
    # The sentence the link points at is highlighted (CSS :target), and its words are marked.
    assert sentence.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert sentence.locator(".hl.content").count() >= 1
    mark = sentence.locator(".hl.content").first
    mark.focus()
    assert "Speaker:" in mark.evaluate("e => getComputedStyle(e, '::after').content")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article-sentence.png"))

    page.click("nav >> text=Story")
    page.fill("input[name=q]", DEMO_STORY)
    page.click("button[type=submit]")
    page.wait_for_url("**/story?q=*")
    chart = page.locator("svg.timeline")
    assert chart.is_visible()
    series = chart.locator("g.series")
    sources = series.evaluate_all("gs => gs.map(g => g.dataset.source)")
    assert "Antony Blinken" in sources and "US Department of Defense" in sources
    blinken = chart.locator('g.series[data-source="Antony Blinken"] a.point')
    assert blinken.count() >= 1
    assert chart.locator("circle.first").count() >= 3 and chart.locator("line.disagreement").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "story-page.png"))
    # Points of one day may overlap on the chart: reach the point as a keyboard user does.
    blinken.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/*#f*")
    assert page.locator("#" + page.url.rsplit("#", 1)[1]).is_visible()
    assert page.console_messages == [] and page.dialogs == []


def test_the_story_page_by_id_shows_its_series_claims_and_articles(site: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + "/")
    page.click("nav >> text=Stories")
    page.wait_for_url("**/stories")
    # The demo's 18 French and English articles are one story: the largest, listed with its articles.
    page.locator("a.story-link", has_text="Séoul affirme").click()
    page.wait_for_url("**/stories/s*")
    assert "18 articles (en, fr)" in page.locator("p.meta").first.inner_text()
    chart = page.locator("svg.timeline")
    assert chart.is_visible()
    sources = chart.locator("g.series").evaluate_all("gs => gs.map(g => g.dataset.source)")
    # The spokeswoman's figure is the Pentagon's; Blinken's 8,000 in Kursk disagrees with Zelensky's 11,000.
    assert {"US Department of Defense", "Antony Blinken", "Volodymyr Zelensky"} <= set(sources)
    assert chart.locator("line.disagreement").count() >= 1
    assert page.locator("ol.articles li").count() == 18
    page.screenshot(path=str(ARTIFACTS / "story-by-id.png"))
    page.locator("ol.claims a").first.click()
    page.wait_for_url("**/claims/*")
    assert page.locator("ol.reports li.first .badge").inner_text() == "first report"
    assert page.console_messages == [] and page.dialogs == []


def hostile_pages() -> list[str]:
    record = hostile_record()
    return [
        f"/articles/{record.article.id}",
        "/?q=alerte",
        "/?q=soldats&kind=statement",
        f"/?speaker={quote('Jean')}",
        f"/story?q={quote(DEMO_STORY)}",
        f"/speaker?name={quote(HOSTILE_SPEAKER)}",
        "/speakers",
        "/figures?counted=soldats",
        "/articles/<script>alert(1)<%2Fscript>",
        "/stories",
        f"/stories/s{record.article.id}",
        "/entities?q=Jean",
        f"/claims/{record.article.id}:0",
        f"/?entity={quote(HOSTILE_SPEAKER)}",
    ]


@pytest.mark.parametrize("path", hostile_pages())
def test_a_hostile_article_runs_nothing_on_any_page(site: str, page, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site + path)
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == []
    assert not [m for m in page.console_messages if "Content Security Policy" in m or "Refused" in m]
    # The markup shows as text, and no javascript: URL became a link.
    assert page.locator("script").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.locator("img, iframe").count() == 0
    if path.startswith("/articles/") and "script" not in path:
        assert "<script>" in page.locator("#text").inner_text()
        assert "␛[31m" in page.locator("#text").inner_text()
