// qsci.h — the one way the editor includes QScintilla.
//
// QScintilla's headers use Qt's `signals` and `slots` keywords, which QT_NO_KEYWORDS turns
// off (runtime objects have members named `slots`, so every target that sees runtime
// headers builds without them). The keywords are defined just for these includes.
#pragma once

#if defined(QT_NO_KEYWORDS) && !defined(signals) && !defined(slots)
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define MOLT_QSCI_DEFINED_KEYWORDS
#endif

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexerdiff.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qsciscintillabase.h>

#ifdef MOLT_QSCI_DEFINED_KEYWORDS
#undef signals
#undef slots
#undef MOLT_QSCI_DEFINED_KEYWORDS
#endif
