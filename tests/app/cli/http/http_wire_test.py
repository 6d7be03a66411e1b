#!/usr/bin/env python3
"""Raw-socket checks of the http server that a node-compared program cannot make: pipelined
keep-alive requests answered in order (also on many connections at once), an idle keep-alive connection closed
after node's 5 s keepAliveTimeout, malformed HTTP
answered with 400 and closed, clients that vanish mid-request ('aborted' and 'close', no
crash), and a chunked request body. Usage: http_wire_test.py MOLT"""
import os, re, selectors, socket, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))


def exchange(port, data, shut=True):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(data)
    if shut:
        s.shutdown(socket.SHUT_WR)
    out = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        out += chunk
    s.close()
    return out


def main():
    proc = subprocess.Popen([sys.argv[1], "run", os.path.join(HERE, "server.js")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    failures = []

    def check(name, cond, detail):
        if not cond:
            failures.append(name + ": " + detail)

    try:
        line = proc.stdout.readline()
        port = int(line.split()[1])
        # Two pipelined keep-alive requests in one packet: two responses, in order.
        out = exchange(port, b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
        text = out.decode()
        check("pipelined", text.count("HTTP/1.1 200 OK") == 2 and text.index("/a 1 0") < text.index("/b 2 0"),
              repr(text))
        check("keep-alive header", "Connection: keep-alive" in text, repr(text))
        # Many keep-alive connections at once, each with three pipelined requests in one
        # packet: every connection gets its three answers, in order, and stays open.
        conns = []
        for i in range(120):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.setblocking(False)
            conns.append(s)
        for i, s in enumerate(conns):
            s.sendall(("GET /k%d-1 HTTP/1.1\r\nHost: x\r\n\r\nGET /k%d-2 HTTP/1.1\r\nHost: x\r\n\r\n"
                       "GET /k%d-3 HTTP/1.1\r\nHost: x\r\n\r\n" % (i, i, i)).encode())
        got = {s: b"" for s in conns}
        sel = selectors.DefaultSelector()
        for s in conns:
            sel.register(s, selectors.EVENT_READ)
        pending = set(conns)
        while pending:
            events = sel.select(timeout=15)
            if not events:
                break
            for key, _ in events:
                chunk = key.fileobj.recv(65536)
                got[key.fileobj] += chunk
                if got[key.fileobj].count(b"HTTP/1.1 200 OK") == 3 or not chunk:
                    sel.unregister(key.fileobj)
                    pending.discard(key.fileobj)
        in_order = 0
        for i, s in enumerate(conns):
            paths = re.findall(rb"/k(\d+)-(\d)", got[s])
            if paths == [(str(i).encode(), b"1"), (str(i).encode(), b"2"), (str(i).encode(), b"3")]:
                in_order += 1
            s.close()
        check("many keep-alive pipelined", in_order == len(conns),
              "%d of %d connections answered in order" % (in_order, len(conns)))
        answered_total = 4 + 3 * len(conns)
        # Malformed: a 400 and the connection closed; the server keeps serving.
        out = exchange(port, b"NOT HTTP AT ALL\r\n\r\n", shut=False)
        check("malformed", out.startswith(b"HTTP/1.1 400 Bad Request"), repr(out))
        out = exchange(port, b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: zzz\r\n\r\n", shut=False)
        check("bad length", out.startswith(b"HTTP/1.1 400 Bad Request"), repr(out))
        # Clients that disconnect mid-headers and mid-body.
        for partial in (b"GET /half HTTP/1.1\r\nHo", b"POST /p HTTP/1.1\r\nContent-Length: 100\r\n\r\nabc"):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(partial)
            s.close()
        # A chunked request body, answered with Connection: close.
        out = exchange(port, b"POST /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                             b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", shut=False)
        check("chunked request", b"/c %d 11" % (3 + 3 * len(conns)) in out and b"Connection: close" in out, repr(out))
        # An idle keep-alive connection: open after its response, closed by the server once
        # node's keepAliveTimeout (5 s) has passed.
        s = socket.create_connection(("127.0.0.1", port), timeout=15)
        s.sendall(b"GET /idle HTTP/1.1\r\nHost: x\r\n\r\n")
        reply = b""
        while not reply.endswith(b"/idle %d 0" % answered_total):
            chunk = s.recv(65536)
            if not chunk:
                break
            reply += chunk
        started = time.monotonic()
        try:
            eof = s.recv(65536) == b""
        except socket.timeout:
            eof = False
        idle = time.monotonic() - started
        s.close()
        check("idle keep-alive closed", eof and idle >= 4,
              "reply %r, eof %s after %.1f s" % (reply, eof, idle))
        out = exchange(port, b"GET /quit HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", shut=False)
        check("quit", out.endswith(b"bye"), repr(out))
        stdout, stderr = proc.communicate(timeout=20)
        expected = ("aborted /p\nrequest close /p\nresponse close /p\nclosed after %d\n"
                    % (answered_total + 1))
        check("exit", proc.returncode == 0 and stdout == expected,
              "code %s, stdout %r, stderr %r" % (proc.returncode, stdout, stderr))
    finally:
        if proc.poll() is None:
            proc.kill()
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
