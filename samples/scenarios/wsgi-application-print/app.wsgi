import sys
def application(environ, start_response):
    print("processing order 42 for customer alice")
    print("cache miss for key user:7", file=sys.stderr)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok\n"]
