// qsci.h — how the IDE includes QScintilla: its headers use Qt's `signals`/`slots`
// keywords, which QT_NO_KEYWORDS turns off (runtime objects have members named `slots`),
// so the keywords are defined for these includes only.
#pragma once

#if defined(QT_NO_KEYWORDS) && !defined(signals) && !defined(slots)
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define MOLT_IDE_QSCI_KEYWORDS
#endif

#include <Qsci/qscilexerdiff.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#ifdef MOLT_IDE_QSCI_KEYWORDS
#undef signals
#undef slots
#undef MOLT_IDE_QSCI_KEYWORDS
#endif
