# Minimal WSGI application for hoge.test (runs in the mod_wsgi daemon process
# group hoge_app as user hoge).
import os


def application(environ, start_response):
    body = ('hello from hoge (uid=%d, pid=%d, process_group=%s)\n' % (
        os.getuid(), os.getpid(),
        environ.get('mod_wsgi.process_group', ''))).encode('utf-8')
    start_response('200 OK', [('Content-Type', 'text/plain; charset=utf-8'),
                              ('Content-Length', str(len(body)))])
    return [body]
