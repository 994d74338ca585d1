"""Run work in forked child processes that share the parent's objects (a graph), and how many to run.

``kg build`` writes its three RDF files and runs the SHACL check at once, each in a forked child: the
children read the graph the parent built without copying it (:func:`run_forked`).

>>> run_forked([(sum, [1, 2]), (max, [3, 4])])
[3, 4]
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Iterable

__all__ = ["default_jobs", "can_fork", "Forked", "run_forked"]


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    """Whether this platform starts processes by fork (children see the parent's objects, nothing pickled)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _call_in_child(fn, args, conn) -> None:
    os.setpgid(0, 0)  # its own process group: stop() also reaches the processes it forks
    try:
        conn.send((None, fn(*args)))
    except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
        conn.send((err, None))
    finally:
        conn.close()


class Forked:
    """``fn(*args)`` run in a forked child process; :meth:`result` waits for its value.

    The child sees the parent's objects as they were at the fork (a graph of a
    million triples is shared, not copied); only the return value travels back,
    pickled.  An exception in the child is raised again by :meth:`result`.

    >>> Forked(sum, [1, 2, 3]).result()
    6
    """

    def __init__(self, fn, *args) -> None:
        ctx = multiprocessing.get_context("fork")
        self._receive, send = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_call_in_child, args=(fn, args, send))
        self._process.start()
        send.close()
        self.name = getattr(fn, "__name__", "task")

    def result(self):
        try:
            err, value = self._receive.recv()
        except EOFError:
            self._process.join()
            raise RuntimeError(f"a child process ({self.name}) died without an answer") from None
        except BaseException:  # interrupted while waiting: do not wait for the child to finish
            self.stop()
            raise
        self._process.join()
        if err is not None:
            raise err
        return value

    def stop(self) -> None:
        """Kill the child and the processes it started, if they still run (after another task failed)."""
        if self._process.is_alive():
            try:
                os.killpg(self._process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self._process.kill()
            self._process.join()


def run_forked(calls: Iterable[tuple]) -> list:
    """Run each ``(fn, *args)`` of ``calls`` in its own forked process, all at once; their values, in order.

    If one fails, or the wait is interrupted, the others are killed and the error is raised.
    The parent's garbage collector is frozen meanwhile, so the children leave the pages of the
    objects they share (a graph) alone: shared, not copied.

    >>> run_forked([(sum, [1, 2]), (max, [3, 4])])
    [3, 4]
    """
    tasks: list[Forked] = []
    gc.freeze()
    try:
        for fn, *args in calls:
            tasks.append(Forked(fn, *args))
        return [task.result() for task in tasks]
    finally:
        for task in tasks:
            task.stop()
        gc.unfreeze()
