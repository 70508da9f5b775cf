// SPDX-License-Identifier: MIT
// The index input in one shape from both sources: COINr tables (tree, matrix, ids, names, the
// table named in diagnostics) and a dxframe/1 dataset (latest values, entity names), and no
// input at all when a source has an error.
#include <dxframe/index.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/io/file.hpp>

#include <string>

#include "catch_compat.hpp"

namespace {

const std::string data_dir = std::string(DXFRAME_TEST_DATA_DIR) + "/index/";

}  // namespace

TEST_CASE("index input from COINr tables", "[index][input]") {
    dxframe::coinr_options opt;
    opt.data_source = "small_iData.csv";
    opt.meta_source = "small_iMeta.csv";
    const auto r = dxframe::coinr_index_input(dxframe::read_file(data_dir + "small_iData.csv"),
                                              dxframe::read_file(data_dir + "small_iMeta.csv"), opt);
    REQUIRE(r.ok());
    const dxframe::index_input& in = *r.input;
    REQUIRE(in.units.size() == 8);
    CHECK(in.units[0] == "AUT");
    CHECK(in.names[0] == "Austria");
    CHECK(in.values.rows() == 8);
    CHECK(in.values.cols() == in.tree.indicator_count());
    CHECK(in.tree.indicator(0).id == "i1");
    CHECK(in.values.get(0, 0) == 10.0);
    CHECK_FALSE(in.values.get(0, 5));  // AUT's i6 is empty
    CHECK(in.tree.node(in.tree.root()).id == "Index");

    // A broken iMeta: no input, and the problem names its table.
    const auto bad = dxframe::coinr_index_input(dxframe::read_file(data_dir + "small_iData.csv"),
                                                "Level,iCode,Parent\n1,i1,\n", opt);
    CHECK_FALSE(bad.ok());
    REQUIRE(dxframe::has_errors(bad.diagnostics));
    bool names_table = false;
    for (const auto& d : bad.diagnostics)
        names_table = names_table || d.path.find("small_iMeta.csv") != std::string::npos;
    CHECK(names_table);
}

TEST_CASE("index input from a dataset", "[index][input]") {
    const auto loaded = dxframe::load_dataset_file(data_dir + "dti2022_top5.json");
    REQUIRE(loaded.ok());
    dxframe::dataset_input_options opt;
    opt.root = "dti922_pdti";
    opt.name_language = dxframe::language::vi;
    const auto r = dxframe::dataset_index_input(*loaded.data, opt);
    REQUIRE(r.ok());
    const dxframe::index_input& in = *r.input;
    CHECK(in.units.size() == in.names.size());
    CHECK(in.values.rows() == in.units.size());
    CHECK(in.values.cols() == in.tree.indicator_count());
    CHECK(in.tree.node(in.tree.root()).id == "dti922_pdti");

    opt.root = "no_such_node";
    const auto none = dxframe::dataset_index_input(*loaded.data, opt);
    CHECK_FALSE(none.ok());
    CHECK(dxframe::has_errors(none.diagnostics));
}
