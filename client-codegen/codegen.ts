// Generates typed Vue Apollo composition functions (useMeQuery, useUpdateProfileMutation, ...) from the
// frontend's operations, validated against the composed public API schema. Run: npm run codegen
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: 'operations/**/*.graphql',
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations', 'typescript-vue-apollo'],
      config: {
        // an unknown custom scalar is an error, not a silent `any`
        strictScalars: true,
        scalars: { DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        vueCompositionApiImportFrom: 'vue',
        addDocBlocks: false,
      },
    },
  },
  config: { namingConvention: 'keep' },
};

export default config;
