"""A minimal SMTP receiver for tests (the standard library no longer ships one): accepts every message."""

import asyncio
from email import message_from_bytes, policy
from email.message import EmailMessage


class Receiver:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._converse, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()

    async def _converse(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"220 receiver ESMTP\r\n")
        while line := await reader.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                writer.write(b"354 end with <CRLF>.<CRLF>\r\n")
                await writer.drain()
                body = (await reader.readuntil(b"\r\n.\r\n"))[:-5].replace(b"\r\n..", b"\r\n.")
                self.messages.append(message_from_bytes(body, policy=policy.default))  # type: ignore[arg-type]
                writer.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                break
            else:  # EHLO, HELO, MAIL, RCPT, RSET, NOOP
                writer.write(b"250 receiver\r\n")
            await writer.drain()
        writer.close()
