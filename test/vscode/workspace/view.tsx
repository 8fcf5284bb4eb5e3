export function View(props: { code: string }) {
  const value = eval(props.code);
  return <div>{value}</div>;
}
