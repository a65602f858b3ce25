"""Reader queries compiled to SQL once per process, then run with each request's values.

Building and compiling a queryset costs Python time whatever the rows: the
home page's section blocks took 4.7 ms to build and compile and 0.3 ms to run
(bench/analysis.md, finding 19). A reader query's SQL is the same on every
request; only its values change (the time, a slug, some ids). `prepared` builds
the queryset once with stand-in values and keeps Django's compiler. Each call
runs the kept SQL with the call's values, and the queryset's own iterable turns
the rows into objects, so `select_related`, annotations, deferred fields and
`with_listing_data()` work as they would; `prefetch_related` lookups run after.
What the rows' columns are, and how each becomes a field of a model, is worked
out once per plan too (`_RowReader`).

Nothing is kept but SQL: every call reads the database, so a prepared query is
never staler than the queryset it stands for. And the stand-ins are checked
when a query is first compiled: it is compiled twice, with two sets of them,
and the SQL must be the same and every parameter that differs must be one of
the values passed, or the query is refused (`UnpreparableQuery`). A query that
reads the clock by itself, or turns a value into something else (a `LIKE`
pattern, a dropped `NULL`), fails the first time it runs, in the tests, rather
than running with a stale or wrong value.
"""

import copy
import datetime
import threading
import weakref
from itertools import chain
from operator import itemgetter
from types import SimpleNamespace

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, prefetch_related_objects, signals
from django.db.models.base import ModelState
from django.db.models.fields.files import FileDescriptor
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query import ModelIterable
from django.db.models.query_utils import DeferredAttribute
from django.db.models.sql.constants import MULTI

# Far from any real value, so a stand-in cannot be mistaken for a constant.
_INT_STAND_INS = (1_900_000_000, 1_800_000_000)
_DATETIME_STAND_INS = (
    datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC),
    datetime.datetime(2998, 1, 1, tzinfo=datetime.UTC),
)
# Plans kept per prepared query: one per shape (a page's LIMIT and OFFSET, a
# count of ids), the least recently made dropped first past this many.
MAX_PLANS = 32


class UnpreparableQuery(TypeError):
    """A query whose SQL depends on more than the values it is given."""


class PreparedQuery:
    """A queryset made by `build(**values, **shape)`, compiled once per shape.

    Call it with the same keyword arguments as `build`: it returns the
    queryset's objects as a list. Values may be whole numbers, strings, aware
    datetimes, models (their key) and lists of those; the arguments named in
    `shape` go into the SQL's text instead (a slice's bounds, a count of
    subqueries), and each combination of them is compiled on its own.
    """

    # Reader queries read the default database; Byline has no router.
    using = DEFAULT_DB_ALIAS

    def __init__(self, build, *, shape=()):
        self.build = build
        self.shape_names = frozenset(shape)
        self._plans = {}
        self._lock = threading.Lock()
        self.__doc__ = build.__doc__
        self.__name__ = build.__name__
        self.__qualname__ = build.__qualname__

    def __call__(self, **kwargs):
        shape = {name: kwargs.pop(name) for name in self.shape_names}
        values = {name: _normalise(value) for name, value in kwargs.items()}
        alias = self.using
        key = (
            alias,
            connections[alias].vendor,
            tuple(sorted(shape.items())),
            tuple((name, _kind(value)) for name, value in sorted(values.items())),
        )
        plan = self._plans.get(key)
        if plan is None:
            with self._lock:
                # Another thread may have compiled it while this one waited.
                plan = self._plans.get(key)
                if plan is None:
                    plan = self._plans[key] = _Plan(self.build, values, shape, alias)
                    while len(self._plans) > MAX_PLANS:
                        del self._plans[next(iter(self._plans))]
        return plan.run(values, alias)

    def __repr__(self):
        return f"<PreparedQuery {self.__qualname__}>"


def prepared(build=None, *, shape=()):
    """Make `build` a `PreparedQuery` (usable as `@prepared` or `@prepared(shape=…)`)."""
    if build is None:
        return lambda build: PreparedQuery(build, shape=shape)
    return PreparedQuery(build, shape=shape)


class _Plan:
    """One compiled shape of a prepared query: its SQL, and where each value goes."""

    def __init__(self, build, values, shape, alias):
        compiler, sql, params, stand_ins = _compile(build, values, shape, alias, 0)
        _, other_sql, other_params, other_stand_ins = _compile(
            build, values, shape, alias, 1
        )
        name = build.__qualname__
        if sql != other_sql or len(params) != len(other_params):
            raise UnpreparableQuery(f"{name}: its SQL changes with the values given.")
        connection = connections[alias]
        self.slots = {}
        for position, (param, other) in enumerate(
            zip(params, other_params, strict=True)
        ):
            if _same(param, other):
                continue
            found = [
                (slot, adapt)
                for slot, stand_in in stand_ins.items()
                for adapt in _adapters(stand_in, connection)
                if _same(adapt(stand_in), param)
                and _same(adapt(other_stand_ins[slot]), other)
            ]
            if not found:
                raise UnpreparableQuery(
                    f"{name}: SQL parameter {position} ({param!r}) changes by "
                    "itself; pass it as a value."
                )
            self.slots[position] = found[0]
        queryset = compiler.prepared_queryset
        if not issubclass(queryset._iterable_class, ModelIterable):
            raise UnpreparableQuery(f"{name}: a prepared query returns models.")
        if queryset._known_related_objects:
            raise UnpreparableQuery(f"{name}: build it from a manager, not a relation.")
        self.sql = sql
        self.params = list(params)
        self.model = queryset.model
        self.iterable_class = queryset._iterable_class
        self.prefetch_lookups = queryset._prefetch_related_lookups
        # What running and reading rows needs of the compiler is its columns
        # (`select`, `klass_info`, …); the query tree it was made from weighs
        # 40 to 140 KB a plan, and is never read again.
        del compiler.prepared_queryset
        compiler.query = compiler.where = compiler.having = compiler.qualify = None
        # Each call hands it its own thread's connection.
        compiler.connection = None
        self.compiler = compiler
        self.rows = _RowReader(compiler, alias)

    def run(self, values, alias):
        params = list(self.params)
        for position, ((name, index), adapt) in self.slots.items():
            value = values[name] if index is None else values[name][index]
            params[position] = adapt(value)
        compiler = copy.copy(self.compiler)
        # Connections belong to threads; the kept compiler holds the first one's.
        compiler.connection = connections[alias]
        compiler.as_sql = lambda *args, **kwargs: (self.sql, params)
        # What the model iterables read of a queryset, and the kept reader.
        queryset = SimpleNamespace(
            db=alias,
            model=self.model,
            query=SimpleNamespace(get_compiler=lambda *args, **kwargs: compiler),
            _known_related_objects={},
            kept_rows=self.rows,
        )
        rows = list(_reading_kept_rows(self.iterable_class)(queryset))
        if self.prefetch_lookups:
            prefetch_related_objects(rows, *self.prefetch_lookups)
        return rows


class _KeptRows(ModelIterable):
    """`ModelIterable`, reading rows with what the plan worked out once."""

    def __iter__(self):
        queryset = self.queryset
        compiler = queryset.query.get_compiler(using=queryset.db)
        # Through the compiler, so execute wrappers (query counting) see it.
        results = compiler.execute_sql(MULTI)
        yield from queryset.kept_rows.objects(chain.from_iterable(results), compiler)


_KEPT_ROWS_CLASSES = weakref.WeakKeyDictionary({ModelIterable: _KeptRows})


def _reading_kept_rows(iterable_class):
    """`iterable_class`, its rows read by `_KeptRows` (a subclass of `ModelIterable`
    that extends what the rows become, as `StoriesLoading` does)."""
    kept = _KEPT_ROWS_CLASSES.get(iterable_class)
    if kept is None:
        kept = _KEPT_ROWS_CLASSES[iterable_class] = type(
            iterable_class.__name__, (iterable_class, _KeptRows), {}
        )
    return kept


# Descriptors whose `__set__` on a new instance only stores the value in the
# instance's `__dict__`, as `_RowReader` does directly.
_PLAIN_DESCRIPTORS = (DeferredAttribute, ForeignKeyDeferredAttribute, FileDescriptor)


class _RowReader:
    """How one plan's rows become models, worked out once instead of per call.

    `ModelIterable` works out on every call what each column is and how it is
    converted, and `Model.from_db()` what is deferred; a model is then built
    field by field through `__init__`: 9.5 µs a card's story, against 0.9 µs
    for setting its `__dict__` (bench/analysis.md, finding 20). A model is
    built that way only when that is all `__init__` would do: no `pre_init` or
    `post_init` receivers, no `__init__` or `from_db` of its own, and plain
    descriptors on every field read. Any other is built by `from_db()`.
    """

    def __init__(self, compiler, alias):
        self.alias = alias
        self.fields = [column[0] for column in compiler.select[: compiler.col_count]]
        self.model = _ModelReader(compiler.klass_info, compiler.select, alias)
        self.annotations = tuple(compiler.annotation_col_map.items())
        # Converters hold the connection that found them: one set per connection.
        self._converters = weakref.WeakKeyDictionary()

    def objects(self, rows, compiler):
        converters = self._converters.get(compiler.connection)
        if converters is None:
            converters = self._converters[compiler.connection] = list(
                compiler.get_converters(self.fields).items()
            )
        if converters:
            rows = compiler.apply_converters(rows, dict(converters))
        make = self.model.maker()
        annotations = self.annotations
        for row in rows:
            story = make(row)
            for name, position in annotations:
                setattr(story, name, row[position])
            yield story


class _ModelReader:
    """One model of a row (the queried one, or one joined by `select_related`)."""

    def __init__(self, klass_info, select, alias, *, joined=False):
        self.alias = alias
        self.model = model = klass_info["model"]
        positions = klass_info["select_fields"]
        self.attnames = tuple(select[index][0].target.attname for index in positions)
        self.values = itemgetter(*positions) if len(positions) > 1 else None
        self.first = positions[0]
        self.pk_at = self.attnames.index(model._meta.pk.attname)
        # A joined model is missing (None) when its key column is NULL.
        self.may_be_missing = joined
        self.joined = []
        for joined in klass_info.get("related_klass_infos", []):
            if joined["from_parent"]:
                # Multi-table inheritance: Django's populator reorders columns.
                raise UnpreparableQuery("a prepared query joins no parent models.")
            self.joined.append(
                (
                    _ModelReader(joined, select, alias, joined=True),
                    joined["local_setter"],
                    joined["remote_setter"],
                )
            )
        self.plain = (
            model.from_db.__func__ is Model.from_db.__func__
            and model.__init__ is Model.__init__
            and all(
                type(model.__dict__.get(name)) in _PLAIN_DESCRIPTORS
                for name in self.attnames
            )
        )

    def maker(self):
        """Return a function making this model (and those joined) from a row."""
        model, alias, attnames = self.model, self.alias, self.attnames
        values = self.values or (lambda row, at=self.first: (row[at],))
        pk_at, may_be_missing = self.pk_at, self.may_be_missing
        joined = [
            (reader.maker(), local, remote) for reader, local, remote in self.joined
        ]
        plain = (
            self.plain
            and not signals.pre_init.has_listeners(model)
            and not signals.post_init.has_listeners(model)
        )

        def make(row):
            data = values(row)
            if may_be_missing and data[pk_at] is None:
                return None
            if plain:
                obj = model.__new__(model)
                state = obj._state = ModelState()
                state.adding = False
                state.db = alias
                obj.__dict__.update(zip(attnames, data, strict=True))
            else:
                obj = model.from_db(alias, attnames, data)
            for make_joined, local_setter, remote_setter in joined:
                other = make_joined(row)
                local_setter(obj, other)
                if other is not None:
                    remote_setter(other, obj)
            return obj

        return make


def _compile(build, values, shape, alias, round_):
    """Build and compile the query with stand-ins; return them by (name, index)."""
    stand_ins = {}
    arguments = {}
    for name, value in values.items():
        if isinstance(value, tuple):
            items = []
            for index, item in enumerate(value):
                stand_ins[(name, index)] = _stand_in(item, len(stand_ins), round_)
                items.append(stand_ins[(name, index)])
            arguments[name] = items
        else:
            stand_ins[(name, None)] = _stand_in(value, len(stand_ins), round_)
            arguments[name] = stand_ins[(name, None)]
    queryset = build(**arguments, **shape)
    compiler = queryset.query.get_compiler(using=alias)
    # Compiling also fills in what the iterables read: select, klass_info, …
    sql, params = compiler.as_sql()
    compiler.prepared_queryset = queryset
    return compiler, sql, params, stand_ins


def _stand_in(value, number, round_):
    """A stand-in for `value`, the `number`th of its query, in compile `round_`."""
    if isinstance(value, bool) or value is None:
        # Either may change the SQL itself (`IS NULL`, a dropped condition).
        raise UnpreparableQuery(f"{value!r} cannot be a prepared query's value.")
    if isinstance(value, int):
        return _INT_STAND_INS[round_] + number
    if isinstance(value, str):
        return f"\x1fstand-in {round_}.{number}\x1f"
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return _DATETIME_STAND_INS[round_] + datetime.timedelta(microseconds=number)
    raise UnpreparableQuery(f"{value!r} cannot be a prepared query's value.")


def _normalise(value):
    """A value as the query takes it: a model as its key, a list without repeats.

    `pk__in` drops repeats and `None`s itself, which would shorten the SQL's
    parameter list; doing it first keeps a call's values and the SQL in step.
    """
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, (list, tuple, set, frozenset)):
        items = (_normalise(item) for item in value)
        return tuple(dict.fromkeys(item for item in items if item is not None))
    return value


def _kind(value):
    if isinstance(value, tuple):
        return tuple(type(item) for item in value)
    return type(value)


def _identity(value):
    return value


def _adapters(value, connection):
    """How the database driver may be handed `value`: as it is, or adapted."""
    if isinstance(value, datetime.datetime):
        return (_identity, connection.ops.adapt_datetimefield_value)
    return (_identity,)


def _same(a, b):
    return type(a) is type(b) and a == b
