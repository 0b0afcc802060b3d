/* Fault injection for the tests, as sqlite's test controls: JRC_FAULT
 * names points (comma-separated) at which the core acts as if the system
 * had failed, so error paths that a healthy machine never takes are run
 * and checked.  Unset in production: each check is one getenv. */
#ifndef JRC_FAULT_H
#define JRC_FAULT_H

/* 1 if JRC_FAULT lists point ("getrandom", "stdout" ...), else 0. */
int fault_inject(const char *point);

#endif
