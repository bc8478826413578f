#pragma once

#include <QtCore/qglobal.h>

#if defined(CXCORE_LIBRARY)
#define CXCORE_EXPORT Q_DECL_EXPORT
#else
#define CXCORE_EXPORT Q_DECL_IMPORT
#endif
