# Starlette's application: its routes, startup handlers and lifespan, which
# the server reads when it starts.
from starlette.routing import Route
from starlette.requests import State


class Starlette:
    def __init__(self, debug=False, routes=None, middleware=None, exception_handlers=None,
                 on_startup=None, on_shutdown=None, lifespan=None):
        self.debug = debug
        self.routes = list(routes) if routes else []
        self.on_startup = list(on_startup) if on_startup else []
        self.on_shutdown = list(on_shutdown) if on_shutdown else []
        self.lifespan = lifespan
        self.state = State()

    def add_route(self, path, route, methods=None, name=None, include_in_schema=True):
        self.routes.append(Route(path, route, methods=methods, name=name))

    def route(self, path, methods=None, name=None, include_in_schema=True):
        def decorator(func):
            self.add_route(path, func, methods=methods, name=name)
            return func
        return decorator

    def add_event_handler(self, event_type, func):
        if event_type == "startup":
            self.on_startup.append(func)
        else:
            self.on_shutdown.append(func)
