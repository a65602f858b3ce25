"""One JSON object a line for log collectors (`LOG_FORMAT=json`).

Used by Django's logging and by gunicorn's (cms/gunicorn_conf.py), so request
errors and the access log come out in one shape. It imports nothing of Django's
settings: gunicorn's master process loads it before the application.
"""

import json
import logging
from datetime import UTC, datetime

# gunicorn passes its access-log atoms as the record's arguments; these are the
# ones worth a field of their own (and none of them a cookie or a header value
# that could carry a secret).
ACCESS_FIELDS = {
    "h": "remote_addr",
    "{x-forwarded-for}i": "forwarded_for",
    "m": "method",
    "U": "path",
    "q": "query",
    "H": "protocol",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "a": "user_agent",
}


class JsonFormatter(logging.Formatter):
    """Format a record as a JSON object: time, level, logger, message and context."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry["message"] = "request"
            entry.update(access_fields(record.args))
        else:
            entry["message"] = record.getMessage()
        entry.update(request_fields(record))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def access_fields(atoms):
    fields = {}
    for atom, name in ACCESS_FIELDS.items():
        value = atoms.get(atom)
        if value in (None, "", "-"):
            continue
        if name in {"status", "bytes", "duration_ms"} and str(value).isdigit():
            value = int(value)
        fields[name] = value
    return fields


def request_fields(record):
    """Fields from the request Django attaches to its request-error records."""
    fields = {}
    status = getattr(record, "status_code", None)
    if status is not None:
        fields["status"] = status
    request = getattr(record, "request", None)
    method = getattr(request, "method", None)
    if method:
        fields["method"] = method
        fields["path"] = request.path
    return fields
