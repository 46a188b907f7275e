package com.cdcappsync.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TablePlanTest {

    static TableInfo shopTable() {
        return new TableInfo("public", "product_tag", List.of(
                new TableInfo.Column("id", ColumnKind.INTEGER, null, "integer"),
                new TableInfo.Column("name", ColumnKind.TRANSLATED_JSON, null, "jsonb"),
                new TableInfo.Column("color_index", ColumnKind.INTEGER, null, "integer"),
                new TableInfo.Column("weight", ColumnKind.DECIMAL, 3, "numeric(10,3)"),
                new TableInfo.Column("price", ColumnKind.DECIMAL, null, "numeric"),
                new TableInfo.Column("visible", ColumnKind.BOOLEAN, null, "boolean"),
                new TableInfo.Column("parent_id", ColumnKind.INTEGER, null, "integer"),
                new TableInfo.Column("launch", ColumnKind.DATE, null, "date"),
                new TableInfo.Column("write_date", ColumnKind.TIMESTAMP, null, "timestamp")), List.of("id"));
    }

    @Test
    void of_shopTable_infersFieldsAndConversions() {
        TablePlan plan = TablePlan.of(shopTable(), null, "fr_FR", Set.of());

        assertThat(plan.typeName()).isEqualTo("ProductTag");
        assertThat(plan.fields()).extracting(TablePlan.Field::name, TablePlan.Field::graphqlType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("name", "String"),
                org.assertj.core.groups.Tuple.tuple("nameTranslations", "AWSJSON"),
                org.assertj.core.groups.Tuple.tuple("colorIndex", "Int"),
                org.assertj.core.groups.Tuple.tuple("weight", "String"),
                org.assertj.core.groups.Tuple.tuple("price", "String"),
                org.assertj.core.groups.Tuple.tuple("visible", "Boolean"),
                org.assertj.core.groups.Tuple.tuple("parentId", "ID"),
                org.assertj.core.groups.Tuple.tuple("launch", "AWSDate"),
                org.assertj.core.groups.Tuple.tuple("writeDate", "AWSDateTime"));
        assertThat(plan.mappingEntry().path("fields").toString()).isEqualTo("{"
                + "\"name\":{\"column\":\"name\",\"convert\":\"translation\",\"language\":\"fr_FR\"},"
                + "\"nameTranslations\":{\"column\":\"name\",\"convert\":\"json\"},"
                + "\"colorIndex\":{\"column\":\"color_index\",\"convert\":\"int\"},"
                + "\"weight\":{\"column\":\"weight\",\"convert\":\"decimal\",\"scale\":3},"
                + "\"price\":{\"column\":\"price\",\"convert\":\"decimal\"},"
                + "\"visible\":{\"column\":\"visible\",\"convert\":\"boolean\"},"
                + "\"parentId\":{\"column\":\"parent_id\",\"convert\":\"string\"},"
                + "\"launch\":{\"column\":\"launch\",\"convert\":\"date\"},"
                + "\"writeDate\":{\"column\":\"write_date\",\"convert\":\"timestamp\"}}");
        assertThat(plan.mappingEntry().path("key").toString()).isEqualTo("[\"id\"]");
        assertThat(plan.listQuery()).isEqualTo("listProductTags");
    }

    @Test
    void of_unmappableColumns_namesEachWithItsTypeAndTheFix() {
        TableInfo table = new TableInfo("public", "doc", List.of(
                new TableInfo.Column("id", ColumnKind.INTEGER, null, "integer"),
                new TableInfo.Column("data", null, null, "bytea"),
                new TableInfo.Column("span", null, null, "tsrange")), List.of("id"));

        assertThatThrownBy(() -> TablePlan.of(table, null, "en_US", Set.of())).isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("data (bytea)").hasMessageContaining("span (tsrange)")
                .hasMessageContaining("--exclude");
        assertThat(TablePlan.of(table, null, "en_US", Set.of("data", "span")).fields()).isEmpty();
    }

    @Test
    void tableInfo_noPrimaryKey_isRejectedWithTheFix() {
        assertThatThrownBy(() -> new TableInfo("public", "log", List.of(), List.of()))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("public.log has no primary key")
                .hasMessageContaining("ADD PRIMARY KEY");
    }

    @Test
    void of_badTypeName_isRejected() {
        assertThatThrownBy(() -> TablePlan.of(shopTable(), "product-tag", "en_US", Set.of()))
                .isInstanceOf(ScaffoldException.class).hasMessageContaining("--table product_tag=TypeName");
    }

    @Test
    void plural_followsTheExistingNames() {
        assertThat(TablePlan.plural("Category")).isEqualTo("Categories");
        assertThat(TablePlan.plural("Product")).isEqualTo("Products");
        assertThat(TablePlan.plural("Key")).isEqualTo("Keys");
        assertThat(TablePlan.plural("Tax")).isEqualTo("Taxes");
    }
}
