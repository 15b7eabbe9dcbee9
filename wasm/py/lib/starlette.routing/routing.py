# Starlette's routes: the server reads path, endpoint and methods when it
# starts.


class Route:
    def __init__(self, path, endpoint, *, methods=None, name=None, include_in_schema=True):
        if not path.startswith("/"):
            raise ValueError("Routed paths must start with '/'")
        self.path = path
        self.endpoint = endpoint
        self.name = name if name is not None else getattr(endpoint, "__name__", None)
        if methods is None:
            self.methods = None
        else:
            self.methods = [m.upper() for m in methods]
