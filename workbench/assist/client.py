"""One streamed request to an OpenAI-compatible endpoint, through the `openai` package (the
optional extra `[ai]`), with every way it fails said in one Chinese line: no package, a refused
connection, a time-out, a wrong key, an error status, an answer in English or with nothing."""

from __future__ import annotations

import queue
import re
import threading
from typing import Callable

from workbench import strings as S
from workbench.assist.config import AssistConfig, AssistUnavailable


class AssistError(Exception):
    """The request failed; the message is one Chinese line, and nothing was written."""


class Cancelled(AssistError):
    """The drafter cancelled the request (Esc)."""

    def __init__(self) -> None:
        super().__init__(S.AI_CANCELLED)


_THINK = re.compile(r"<think>.*?(</think>|$)", re.S)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def visible(text: str) -> str:
    """The answer without a reasoning model's <think>…</think> block (DeepSeek-R1, Qwen3)."""
    return _THINK.sub("", text).lstrip("\n")


def judge(text: str) -> str:
    """The answer as it will be shown, or AssistError when it is empty or not in Chinese."""
    answer = visible(text).strip()
    if not answer:
        raise AssistError(S.AI_EMPTY)
    cjk, latin = len(_CJK.findall(answer)), len(_LATIN.findall(answer))
    if cjk < 10 and cjk < latin:
        raise AssistError(S.AI_ENGLISH)
    return answer


class Request:
    """One request, run on a worker thread by `run`; `cancel` may be called from any thread
    and ends it at once (the response is closed under the reading thread)."""

    def __init__(self, config: AssistConfig, messages: list[dict[str, str]]):
        self.config = config
        self.messages = messages
        self._cancel = threading.Event()
        self._stream = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()
        stream = self._stream
        if stream is not None:
            try:
                stream.close()
            except Exception:  # closing under a reader may raise in either thread; the flag decides
                pass

    def run(self, on_text: Callable[[str], None] | None = None) -> str:
        """Stream the answer, calling `on_text(answer so far)` as pieces come; returns the
        whole answer as shown (judged), or raises AssistError / Cancelled. The socket is read
        on a thread of its own, so a cancel returns at once even while the server is silent."""
        try:
            import openai
        except ImportError:
            raise AssistUnavailable(S.AI_NO_PACKAGE) from None
        cfg = self.config
        client = openai.OpenAI(base_url=cfg.base_url, api_key=cfg.api_key or "none",
                               timeout=cfg.timeout, max_retries=0)
        pieces: queue.Queue = queue.Queue()
        reader = threading.Thread(target=self._read, args=(client, pieces), daemon=True,
                                  name="workbench-assist-reader")
        reader.start()
        parts: list[str] = []
        while True:
            if self.cancelled:
                raise Cancelled()
            try:
                kind, value = pieces.get(timeout=0.05)
            except queue.Empty:
                continue
            if kind == "piece":
                parts.append(value)
                if on_text is not None and not self.cancelled:
                    on_text(visible("".join(parts)))
            elif kind == "error":
                if self.cancelled:
                    raise Cancelled()
                raise self._error(openai, value)
            else:
                break
        if self.cancelled:
            raise Cancelled()
        return judge("".join(parts))

    def _read(self, client, pieces: queue.Queue) -> None:
        """On the reader thread: the request and its stream, each piece into the queue."""
        cfg = self.config
        try:
            self._stream = client.chat.completions.create(
                model=cfg.model, messages=self.messages, stream=True, temperature=0.3)
            if self.cancelled:
                return
            for chunk in self._stream:
                if self.cancelled:
                    return
                piece = chunk.choices[0].delta.content if chunk.choices else None
                if piece:
                    pieces.put(("piece", piece))
            pieces.put(("end", None))
        except Exception as exc:  # handed to the waiting thread, which says it in Chinese
            pieces.put(("error", exc))
        finally:
            stream, self._stream = self._stream, None
            for thing in (stream, client):
                try:
                    if thing is not None:
                        thing.close()
                except Exception:  # closing a half-read stream may raise; it is closed either way
                    pass

    def _error(self, openai, exc: Exception) -> Exception:
        """The client's error (or its HTTP library's, raised while the stream is read) as one
        Chinese line; an error of another kind is a bug and goes up as it is."""
        cfg = self.config
        if isinstance(exc, openai.AuthenticationError):
            return AssistError(S.AI_BAD_KEY.format(url=cfg.base_url))
        if isinstance(exc, openai.PermissionDeniedError):
            return AssistError(S.AI_FORBIDDEN.format(url=cfg.base_url))
        if isinstance(exc, openai.NotFoundError):
            return AssistError(S.AI_NOT_FOUND.format(url=cfg.base_url, model=cfg.model))
        if isinstance(exc, openai.APIStatusError):
            return AssistError(S.AI_STATUS.format(url=cfg.base_url, code=exc.status_code))
        if isinstance(exc, openai.APITimeoutError) or "Timeout" in type(exc).__name__:
            return AssistError(S.AI_TIMEOUT.format(url=cfg.base_url, seconds=f"{cfg.timeout:g}"))
        if isinstance(exc, (openai.APIConnectionError, OSError)) or any(
                k in type(exc).__name__ for k in ("Connect", "Network", "Protocol", "ReadError")):
            return AssistError(S.AI_REFUSED.format(url=cfg.base_url))
        return exc
