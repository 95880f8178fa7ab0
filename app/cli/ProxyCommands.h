#pragma once

// The headless Squid subcommands (issue 7). For the integrator: in app/cli/CliMain.cpp, make
// isHeadlessInvocation() accept "proxy-rules" and "proxy-log", and in runHeadless() dispatch
//
//     if (subcommand == u"proxy-rules") return hopscope::cli::runProxyRules(rest);
//     if (subcommand == u"proxy-log")   return hopscope::cli::runProxyLog(rest);
//
// where `rest` is the QStringList of arguments after the subcommand word (argv[2..]). Both
// functions write to stdout/stderr themselves and return the exit status of cli.md: 0 yes /
// success, 1 the answer is "no", 2 unusable input (one line per problem on stderr, nothing on
// stdout). They need only a QCoreApplication (no display).

#include <QStringList>

namespace hopscope::cli {

// hopscope proxy-rules SQUID.CONF --client IP --to HOST:PORT|URL [--method METHOD]
//                      [--squid-version MAJOR.MINOR] [--json]
//
// Evaluates squid.conf's http_access rules for one request. --method defaults to CONNECT when
// the port is 443 and to GET otherwise; a --to written as an absolute URL ("http://h:8080/x")
// is used as is. Text output names the verdict and the deciding line; --json prints exactly
//   {"verdict": "allow"|"deny", "rule": {"file", "line", "text"} | null, "implicit": bool}
// Exit 0 allow, 1 deny, 2 when the config cannot be read or Squid would refuse it (FATAL), the
// arguments are bad, or the verdict is undecidable (it depends on an acl type the tool does not
// evaluate, or on DNS): stderr then says what it depends on.
int runProxyRules(const QStringList &args);

// hopscope proxy-log ACCESS.LOG [--json] [--design DESIGN.yaml] [--top N]
//
// Summarises a Squid access.log (native, timefm-prefixed, syslog or common lines, detected per
// line): a readable report, or with --json one object with the keys of proxy::toJson().
// --design maps clients to design objects (a P2S pool of a gateway, a VM, a subnet) and
// destinations to Internet / on-premises / VNet. Exit 0, or 2 when a file cannot be read or the
// arguments are bad.
int runProxyLog(const QStringList &args);

} // namespace hopscope::cli
