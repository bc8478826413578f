#pragma once

#include "config/configschema.h"

#include <QString>

namespace cx::configurator {

/// The schema's group titles, key labels and help texts (English in cxcore) in the UI
/// language.
class SchemaTexts
{
public:
    static QString groupTitle(config::schema::Group group);
    static QString label(const config::schema::KeySpec &key);
    static QString help(const config::schema::KeySpec &key);
};

} // namespace cx::configurator
