// Record literals: shorthand properties, computed keys, dynamic add/update/delete.
const name = "widget";
const price = 9.5;
const keyName = "sku";
const item = { name, price, [keyName]: "W-1", ["tag" + 1]: "new" };
console.log(item); // expect: { name: 'widget', price: 9.5, sku: 'W-1', tag1: 'new' }
item.stock = 3;
item["price"] = 10;
delete item.tag1;
console.log(item); // expect: { name: 'widget', price: 10, sku: 'W-1', stock: 3 }
console.log(item.missing, item["sku"]); // expect: undefined W-1
const empty = {};
console.log(empty, Object.keys(empty).length); // expect: {} 0
const nested = { a: { b: { c: "deep" } }, list: [1, { x: 2 }] };
console.log(nested.a.b.c, nested.list[1].x); // expect: deep 2
nested.a.b.c = "changed";
console.log(nested); // expect: { a: { b: { c: 'changed' } }, list: [ 1, { x: 2 } ] }
