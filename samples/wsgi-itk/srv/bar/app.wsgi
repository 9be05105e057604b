# Minimal WSGI application for bar.test (runs in the mod_wsgi daemon process
# group bar_app as user bar).
import os


def application(environ, start_response):
    body = ('hello from bar (uid=%d, pid=%d, process_group=%s)\n' % (
        os.getuid(), os.getpid(),
        environ.get('mod_wsgi.process_group', ''))).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'text/plain; charset=utf-8'),
                              ('Content-Length', str(len(body)))])
    return [body]
