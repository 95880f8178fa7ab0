#pragma once

// Subcommands that live outside CliMain.cpp (the proxy ones: ProxyCommands.h). Each takes the words after its name and
// returns cli.md's exit status.

#include "format/ValueGrammar.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace hopscope::cli {

// cli.md's exit status: 0 success, 1 the answer is no, 2 the input cannot be used.
enum ExitStatus { Success = 0, AnswerIsNo = 1, UnusableInput = 2 };

// The streams every subcommand writes to (one of each, however many subcommands use them).
inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// cli.md: one line per problem on stderr, nothing on stdout.
inline int usageError(const QString &message)
{
    err() << "hopscope: " << message << '\n' << "Try 'hopscope --help'.\n";
    err().flush();
    return UnusableInput;
}

// `--port N`: a port as format.md writes one (0 to 65535).
inline std::optional<int> portOption(const QString &text)
{
    return format::parsePort(text).value();
}

// `--protocol P`: Tcp, Udp or Icmp in any case (cli.md); a packet has one protocol, so the
// rules' Any is not one.
inline std::optional<model::Protocol> protocolOption(const QString &text)
{
    const auto protocol = format::parseEnum<model::Protocol>(text, Qt::CaseInsensitive).value();
    return protocol == model::Protocol::Any ? std::nullopt : protocol;
}

// `export`: creates its own QApplication on the offscreen platform (the scene needs one).
int runExport(int argc, char **argv, const QStringList &arguments);

} // namespace hopscope::cli
