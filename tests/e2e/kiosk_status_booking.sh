#!/bin/bash
. "$top_srcdir/tests/lib.sh"
skip_all todo
