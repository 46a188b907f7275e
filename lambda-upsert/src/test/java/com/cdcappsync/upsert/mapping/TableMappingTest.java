package com.cdcappsync.upsert.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableMappingTest {

    @Test
    void builder_onlyTableAndType_hasTheMappingFileDefaults() {
        TableMapping mapping = TableMapping.builder("product_template", "Product").build();

        assertThat(mapping.upsertMutation()).isEqualTo("upsertProduct");
        assertThat(mapping.deleteMutation()).isEqualTo("deleteProduct");
        assertThat(mapping.upsertInputType()).isEqualTo("ProductInput");
        assertThat(mapping.deleteInputType()).isEqualTo("DeleteProductInput");
        assertThat(mapping.keyColumns()).containsExactly("id");
        assertThat(mapping.idField()).isEqualTo("id");
        assertThat(mapping.unmapped()).isEqualTo(TableMapping.UnmappedColumns.DROP);
        assertThat(mapping.selection()).containsExactly("id");
        assertThat(mapping.schema()).isNull();
    }

    @Test
    void builder_extraSelection_followsIdAndFieldsWithoutDuplicates() {
        TableMapping mapping = TableMapping.builder("t", "T").idField("code").extraSelection(List.of("code", "x"))
                .build();

        assertThat(mapping.selection()).containsExactly("code", "x");
    }

    @Test
    void constructor_blankNameOrNoKey_rejectedEvenWithoutTheBuilder() {
        assertThatThrownBy(() -> TableMapping.builder("t", " ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> TableMapping.builder("t", "T").keyColumns(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key column");
        TableMapping ok = TableMapping.builder("t", "T").build();
        assertThatThrownBy(() -> new TableMapping(ok.table(), ok.schema(), ok.typeName(), ok.upsertMutation(),
                ok.deleteMutation(), ok.upsertInputType(), ok.deleteInputType(), ok.keyColumns(), ok.idField(),
                ok.fields(), ok.visibleWhen(), ok.websites(), ok.unmapped(), ok.exclude(), List.of("name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id field 'id'");
    }
}
