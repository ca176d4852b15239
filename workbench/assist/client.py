"""One streamed request to an OpenAI-compatible endpoint, through the `openai` package (the
optional extra `[ai]`), with every way it fails said in one Chinese line: no package, a refused
connection, a time-out, a wrong key, an error status, an answer in English or with nothing."""

from __future__ import annotations

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
        whole answer as shown (judged), or raises AssistError / Cancelled."""
        try:
            import openai
        except ImportError:
            raise AssistUnavailable(S.AI_NO_PACKAGE) from None
        cfg = self.config
        client = openai.OpenAI(base_url=cfg.base_url, api_key=cfg.api_key or "none",
                               timeout=cfg.timeout, max_retries=0)
        parts: list[str] = []
        try:
            if self.cancelled:
                raise Cancelled()
            self._stream = client.chat.completions.create(
                model=cfg.model, messages=self.messages, stream=True, temperature=0.3)
            if self.cancelled:
                raise Cancelled()
            for chunk in self._stream:
                if self.cancelled:
                    raise Cancelled()
                piece = chunk.choices[0].delta.content if chunk.choices else None
                if piece:
                    parts.append(piece)
                    if on_text is not None:
                        on_text(visible("".join(parts)))
        except Cancelled:
            raise
        except openai.AuthenticationError:
            raise AssistError(S.AI_BAD_KEY.format(url=cfg.base_url)) from None
        except openai.PermissionDeniedError:
            raise AssistError(S.AI_FORBIDDEN.format(url=cfg.base_url)) from None
        except openai.NotFoundError:
            raise AssistError(S.AI_NOT_FOUND.format(url=cfg.base_url, model=cfg.model)) from None
        except openai.APIStatusError as exc:
            raise AssistError(S.AI_STATUS.format(url=cfg.base_url, code=exc.status_code)) from None
        except Exception as exc:
            # The client's own errors, or its HTTP library's raised while the stream is read
            # (a read time-out, a closed connection), told apart by kind.
            if self.cancelled:  # the stream closed under the reader by cancel()
                raise Cancelled() from None
            if isinstance(exc, openai.APITimeoutError) or "Timeout" in type(exc).__name__:
                raise AssistError(S.AI_TIMEOUT.format(url=cfg.base_url, seconds=f"{cfg.timeout:g}")) from None
            if isinstance(exc, (openai.APIConnectionError, OSError)) or any(
                    k in type(exc).__name__ for k in ("Connect", "Network", "Protocol", "ReadError")):
                raise AssistError(S.AI_REFUSED.format(url=cfg.base_url)) from None
            raise
        finally:
            self._stream = None
            client.close()
        if self.cancelled:
            raise Cancelled()
        return judge("".join(parts))
