"""``storyline serve``: a web app and a JSON API over one store, where an analyst reads the
evidence and corrects the machine.

Modules: ``app`` (the app factory, its safety middleware and error handling), ``pages`` and
``api`` (the routes: each page has a JSON twin from the same function of ``queries``), ``review``
(corrections kept apart and applied on read), ``data`` (the server's hold on the database),
``jobs`` (adding articles in the server), ``lockfile`` (telling other commands the server has the
file). Importing this package (or ``review``, ``lockfile``) does not import the web framework.
"""
