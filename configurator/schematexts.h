#pragma once

#include "config/configschema.h"

#include <QString>

namespace cx::configurator {

/// The schema's group titles and help texts (English in cxcore) in the UI language.
class SchemaTexts
{
public:
    static QString groupTitle(config::schema::Group group);
    static QString help(const config::schema::KeySpec &key);
};

} // namespace cx::configurator
