# Starlette's Request, as an endpoint sees it: the method, the URL, the
# path and query parameters, and the body, which uvicorn has already read
# by the time the endpoint runs.
import json


class URL:
    def __init__(self, path, query):
        self.scheme = "http"
        self.hostname = "127.0.0.1"
        self.port = 8000
        self.path = path
        self.query = query

    def __str__(self):
        if self.query:
            return f"http://127.0.0.1:8000{self.path}?{self.query}"
        return f"http://127.0.0.1:8000{self.path}"

    def __repr__(self):
        return f"URL('{self}')"


class Address:
    def __init__(self, host, port):
        self.host = host
        self.port = port


class State:
    pass


class Request:
    def __init__(self, method, path, query, path_params, query_params, body, app):
        self.method = method
        self.url = URL(path, query)
        self.path_params = path_params
        self.query_params = query_params
        self.headers = {"host": "127.0.0.1:8000"}
        self.client = Address("127.0.0.1", 50000)
        self.app = app
        self.state = State()
        self._body = body.encode("utf-8")

    async def body(self):
        return self._body

    async def json(self):
        return json.loads(self._body)
