# pydantic's BaseModel: fields from the class's annotations (its bases'
# first), validated and converted on the way in as pydantic 2's lax mode
# does, with a ValidationError that lists every field that failed.
import json
import pydantic as _p


class ValidationError(ValueError):
    def __init__(self, errors, title):
        self._errors = errors
        self.title = title
        super().__init__(self._text())

    def _text(self):
        n = len(self._errors)
        lines = [f"{n} validation error{'s' if n > 1 else ''} for {self.title}"]
        for name, msg in self._errors:
            lines.append(name)
            lines.append(f"  {msg}")
        return "\n".join(lines)

    def errors(self):
        return [{"loc": (name,), "msg": msg} for name, msg in self._errors]

    def error_count(self):
        return len(self._errors)

    def __str__(self):
        return self._text()


class FieldInfo:
    def __init__(self, default, default_factory):
        self.default = default
        self.default_factory = default_factory


_MISSING = object()


def Field(default=_MISSING, *, default_factory=None, **constraints):
    return FieldInfo(default, default_factory)


class BaseModel:
    def __init__(self, **data):
        errors = []
        values = []
        for name, ann, default in type(self)._model_fields():
            if name in data:
                ok, value = _p._validate(ann, data[name])
                if ok:
                    values.append((name, value))
                else:
                    errors.append((name, value))
            elif isinstance(default, FieldInfo):
                if default.default_factory is not None:
                    values.append((name, default.default_factory()))
                elif default.default is not _MISSING:
                    values.append((name, default.default))
                else:
                    errors.append((name, "Field required"))
            elif default is not _MISSING:
                values.append((name, default))
            else:
                errors.append((name, "Field required"))
        if errors:
            raise ValidationError(errors, type(self).__name__)
        for name, value in values:
            setattr(self, name, value)

    @classmethod
    def _model_fields(cls):
        fields = []
        names = []
        for klass in reversed(cls.__mro__):
            own = klass.__dict__
            ann = own.get("__annotations__")
            if not ann:
                continue
            for name in ann:
                entry = (name, ann[name], own.get(name, _MISSING))
                if name in names:
                    fields[names.index(name)] = entry
                else:
                    names.append(name)
                    fields.append(entry)
        return fields

    @classmethod
    def model_validate(cls, obj):
        return cls(**obj)

    parse_obj = model_validate

    def model_dump(self):
        return {name: _dump(getattr(self, name)) for name, _, _ in type(self)._model_fields()}

    def dict(self):
        return self.model_dump()

    def model_dump_json(self):
        return json.dumps(self.model_dump(), separators=(",", ":"))

    def json(self):
        return json.dumps(self.model_dump())

    def __repr__(self):
        parts = [f"{name}={getattr(self, name)!r}" for name, _, _ in type(self)._model_fields()]
        return f"{type(self).__name__}({', '.join(parts)})"

    def __str__(self):
        return " ".join(f"{name}={getattr(self, name)!r}" for name, _, _ in type(self)._model_fields())

    def __eq__(self, other):
        return type(self) is type(other) and self.model_dump() == other.model_dump()


def _dump(value):
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value
