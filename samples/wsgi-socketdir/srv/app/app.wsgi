# Minimal WSGI application for app.test (runs in the mod_wsgi daemon process
# group app as user www-data).
import os


def application(environ, start_response):
    body = ('hello from app (uid=%d, pid=%d, process_group=%s)\n' % (
        os.getuid(), os.getpid(),
        environ.get('mod_wsgi.process_group', ''))).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'text/plain; charset=utf-8'),
                              ('Content-Length', str(len(body)))])
    return [body]
