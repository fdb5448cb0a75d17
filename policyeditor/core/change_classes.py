"""The two classes of a change (docs/design.md, rule 9), in a module of their own so that the
classifier (``core.changeclass``) does not load the version records to name them;
``core.versions`` exports them too."""

SUBSTANTIVE = "substantive"
EDITORIAL = "editorial"
