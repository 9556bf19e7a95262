import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Every field name selected below the resolved field (through fragments and inline fragments), e.g. to know
 * whether a client asked for sensitive fields. @skip/@include are not evaluated: a field named is counted.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value);
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}
