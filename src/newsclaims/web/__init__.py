"""`newsclaims serve`: the store as web pages and an HTTP API (FastAPI, Jinja2 templates, SVG charts).

    from newsclaims.web.app import create_app
    app = create_app(ServeSettings(db=Path("newsclaims.duckdb"), token="..."))

Nothing is imported here, so that the CLI's other commands do not pay for FastAPI at start-up.
"""
