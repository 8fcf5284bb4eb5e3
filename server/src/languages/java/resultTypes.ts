/**
 * Whether a Java call's result, by the type of the variable it is stored in, can still hold
 * the text that went into the call. Java code mostly passes request data to services that
 * look something up (`Item item = items.findById(id)`) or build an object from it; treating
 * such objects as the input itself made every field read off them a false source.
 */
import type { SyntaxNode } from '../parser';
import type { Bindings } from '../syntax';
import { javaSyntax } from './syntax';

/** Types that hold text or other values as given: strings, containers, streams, parsed documents. */
const CARRIERS = new Set([
  'String', 'CharSequence', 'StringBuilder', 'StringBuffer', 'Object', 'Serializable', 'T', 'E', 'K', 'V',
  'List', 'ArrayList', 'LinkedList', 'Set', 'HashSet', 'LinkedHashSet', 'TreeSet', 'SortedSet', 'Collection', 'Iterable',
  'Map', 'HashMap', 'LinkedHashMap', 'TreeMap', 'SortedMap', 'MultiValueMap', 'LinkedMultiValueMap', 'MultivaluedMap', 'Entry',
  'Optional', 'Stream', 'Iterator', 'Enumeration', 'Deque', 'Queue', 'Properties', 'Supplier', 'Callable', 'Future', 'CompletableFuture',
  'Mono', 'Flux', 'ResponseEntity', 'HttpEntity', 'RequestEntity',
  'URI', 'URL', 'Path', 'File', 'InputStream', 'Reader', 'BufferedReader', 'InputStreamReader', 'StringReader', 'ByteArrayInputStream',
  'InputSource', 'Source', 'StreamSource', 'Part', 'MultipartFile', 'Cookie', 'Resource',
  'JsonNode', 'ObjectNode', 'ArrayNode', 'TextNode', 'JSONObject', 'JSONArray', 'JsonObject', 'JsonArray', 'JsonElement', 'JsonValue',
  'Document', 'Element', 'Node', 'NodeList', 'Attr', 'Elements', 'Matcher', 'Scanner', 'Tokenizer', 'StringTokenizer',
]);

/** Types that cannot hold text: numbers, truth values, characters, times, identifiers. */
const NO_TEXT = /^(?:int|long|short|byte|boolean|double|float|char|Integer|Long|Short|Byte|Boolean|Double|Float|Character|Number|BigDecimal|BigInteger|AtomicInteger|AtomicLong|UUID|LocalDate|LocalDateTime|LocalTime|Instant|Duration|OffsetDateTime|ZonedDateTime|Date|Timestamp|void)$/;

/** Calls that turn text into an object holding it: parsers, deserializers, converters from text. */
const FROM_TEXT = /^(?:read|parse|decode|unmarshal|deserialize|from|load|valueOf|of|convert|treeToValue|map|copy|clone|wrap|split|apply|transform|build|create|new)/i;

function simpleName(type: string): string {
  const noGenerics = type.replace(/<.*$/s, '').trim();
  return noGenerics.slice(noGenerics.lastIndexOf('.') + 1);
}

/** The declared type of the variable `call`'s result is stored in, if it is stored in one. */
function storedAs(call: SyntaxNode, bindings: Bindings): string | undefined {
  let node = call;
  // `(x)`, `c ? lookup(x) : other`: the value still ends up in the variable.
  while (node.parent?.type === 'parenthesized_expression' || (node.parent?.type === 'ternary_expression' && node.parent.childForFieldName('condition')?.id !== node.id)) node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'variable_declarator' && parent.childForFieldName('value')?.id === node.id) {
    const type = parent.parent?.childForFieldName('type');
    if (!type || type.text === 'var' || type.type === 'array_type') return undefined;
    return type.text;
  }
  if (parent?.type === 'assignment_expression' && parent.childForFieldName('right')?.id === node.id && parent.childForFieldName('operator')?.text === '=') {
    const left = parent.childForFieldName('left');
    if (left?.type !== 'identifier') return undefined;
    const type = javaSyntax.qualify(left, bindings);
    // A name the declarations do not type comes back as itself.
    return type && type !== left.text ? type : undefined;
  }
  return undefined;
}

export function opaqueResult(call: SyntaxNode, bindings: Bindings): boolean {
  const declared = storedAs(call, bindings);
  if (!declared) return false;
  const type = simpleName(declared);
  if (NO_TEXT.test(type)) return true;
  if (CARRIERS.has(type) || /(?:String|Text|Json|Xml|Html|Url|Uri|Path|Query|Sql|Command|Stream|Reader|Buffer|Node|Map|List|Set|Array|Entry|Request|Form|Dto|DTO|Input|Payload|Body|Params|Parameters|Data|Message|Event|Template|Expression)$/.test(type)) return false;
  const method = call.childForFieldName('name')?.text ?? '';
  if (call.type !== 'method_invocation' || FROM_TEXT.test(method)) return false;
  return true;
}
