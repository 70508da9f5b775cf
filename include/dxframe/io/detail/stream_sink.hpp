// SPDX-License-Identifier: MIT
/// @file
/// @brief Internal: how the limited SAX builder (json_parse.hpp) hands a document over in parts
/// for the streaming loader, and the flat records it captures without building a tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace dxframe::detail {

/// A member of a flat object captured without building a tree (the streaming fast path): its
/// key and a scalar value.
struct captured_member {
    /// The value's JSON type.
    enum class kind : unsigned char { pending, null, boolean, integer, unsigned_integer, floating, string };
    std::string key;            ///< The member's key.
    kind type = kind::pending;  ///< pending: the key was read, its value not yet.
    bool discarded = false;     ///< A repeated key: the first one wins, this value is dropped.
    bool flag = false;          ///< boolean.
    std::int64_t integer = 0;   ///< integer.
    std::uint64_t whole = 0;    ///< unsigned_integer.
    double number = 0;          ///< floating.
    std::string text;           ///< string.

    /// The value as nlohmann would have built it.
    nlohmann::ordered_json to_json() const {
        using json = nlohmann::ordered_json;
        switch (type) {
            case kind::boolean: return json(flag);
            case kind::integer: return json(static_cast<json::number_integer_t>(integer));
            case kind::unsigned_integer: return json(static_cast<json::number_unsigned_t>(whole));
            case kind::floating: return json(static_cast<json::number_float_t>(number));
            case kind::string: return json(text);
            case kind::pending:
            case kind::null: break;
        }
        return json(nullptr);
    }
};

/// The object a captured record stands for: its members in order, repeated keys left out.
inline nlohmann::ordered_json captured_object(const std::vector<captured_member>& members, std::size_t count) {
    nlohmann::ordered_json record = nlohmann::ordered_json::object();
    auto& fields = record.get_ref<nlohmann::ordered_json::object_t&>();
    fields.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const captured_member& c = members[i];
        if (!c.discarded) fields.emplace_back(c.key, c.to_json());
    }
    return record;
}

/// Receives the parts of a document as they complete, so that the document is never held as
/// one tree (the streaming loader). Only members of a root object are handed over.
class stream_sink {
public:
    virtual ~stream_sink() = default;
    /// Whether the elements of the array that is top-level member `key` are handed over one by
    /// one (and dropped from the tree).
    virtual bool streams(const std::string& key) const = 0;
    /// Whether an object element of such an array is captured flat (record()) rather than
    /// built as a tree (element()); one with a nested array or object is built as a tree.
    virtual bool captures(const std::string& key) const = 0;
    /// An element of a streamed array, built as a tree.
    virtual void element(const std::string& key, std::size_t index, nlohmann::ordered_json& value) = 0;
    /// An object element of a streamed array, captured flat: members[0, count).
    virtual void record(const std::string& key, std::size_t index, const std::vector<captured_member>& members,
                        std::size_t count) = 0;
    /// A complete top-level member (the first of its key); streamed arrays arrive empty.
    virtual void member(const std::string& key, nlohmann::ordered_json& value) = 0;
};

}  // namespace dxframe::detail
