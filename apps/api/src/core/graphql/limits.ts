import { ErrorCode } from '@canbo/shared';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  getVariableValues,
  Kind,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';
import { getComplexity, simpleEstimator, ComplexityEstimator } from 'graphql-query-complexity';

/** Validation rule: refuses operations nested deeper than `maxDepth` fields (introspection included). */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set) return depth;
      let max = depth;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          max = Math.max(max, depthOf((sel as FieldNode).selectionSet, depth + 1, seen));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(sel.selectionSet, depth, seen));
        } else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
          const frag = fragments.get(sel.name.value);
          if (frag) max = Math.max(max, depthOf(frag.selectionSet, depth, new Set([...seen, sel.name.value])));
        }
        if (max > maxDepth) return max;
      }
      return max;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, 0, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Truy vấn lồng quá sâu (${depth} > ${maxDepth})`, {
              nodes: [node],
              extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'DEPTH_LIMIT' },
            }),
          );
        }
      },
    };
  };
}

/** Lists cost their page size times their children. */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : undefined;
  if (first !== undefined) return 1 + Math.max(1, first) * Math.max(1, childComplexity);
  return undefined;
};

/** Apollo plugin: refuses operations whose estimated cost exceeds `maxComplexity`. */
export function complexityLimitPlugin(schema: () => GraphQLSchema, maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Variables that do not coerce are left to execution, which answers BAD_USER_INPUT naming the field
          // (estimating first would throw their error here, where it becomes a 500). They execute nothing.
          const variables = getVariableValues(schema(), operation?.variableDefinitions ?? [], request.variables ?? {});
          if (variables.errors?.length) return;
          const complexity = getComplexity({
            schema: schema(),
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > maxComplexity) {
            throw new GraphQLError(`Truy vấn quá phức tạp (${complexity} > ${maxComplexity})`, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'COMPLEXITY_LIMIT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
