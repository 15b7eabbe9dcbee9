# Starlette's responses. The server reads status_code and background; the
# body is rendered as Starlette renders it, so a program that prints it
# sees the same text.
import json


class Response:
    media_type = None

    def __init__(self, content=None, status_code=200, headers=None, media_type=None, background=None):
        self.status_code = status_code
        if media_type is not None:
            self.media_type = media_type
        self.background = background
        self.body = self.render(content)
        self.headers = dict(headers) if headers else {}
        if self.media_type is not None:
            self.headers["content-type"] = self.media_type

    def render(self, content):
        if content is None:
            return b""
        if isinstance(content, bytes):
            return content
        return content.encode("utf-8")


class PlainTextResponse(Response):
    media_type = "text/plain"


class HTMLResponse(Response):
    media_type = "text/html"


class JSONResponse(Response):
    media_type = "application/json"

    def render(self, content):
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class RedirectResponse(Response):
    def __init__(self, url, status_code=307, headers=None, background=None):
        super().__init__(None, status_code, headers, None, background)
        self.headers["location"] = str(url)
