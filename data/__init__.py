"""ctwatch's knowledge as data: actors, places, lexicons and the bundled sample corpus.

Installed as the ``ctwatch.data`` package so that ``importlib.resources`` finds it in a wheel and in a
source checkout alike. See README.md in this folder for what each file is and where its facts come from.
"""
