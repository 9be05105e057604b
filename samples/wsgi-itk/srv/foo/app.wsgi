# Minimal WSGI application for foo.test (runs in the mod_wsgi daemon process
# group foo_app as user foo).
import os


def application(environ, start_response):
    body = ('hello from foo (uid=%d, pid=%d, process_group=%s)\n' % (
        os.getuid(), os.getpid(),
        environ.get('mod_wsgi.process_group', ''))).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'text/plain; charset=utf-8'),
                              ('Content-Length', str(len(body)))])
    return [body]
