// Reducer-style immutable updates built from spread.
function reducer(state, action) {
  switch (action.type) {
    case "add":
      return { ...state, items: [...state.items, action.item] };
    case "remove":
      return { ...state, items: state.items.filter((i) => i !== action.item) };
    case "rename":
      return { ...state, meta: { ...state.meta, name: action.name } };
    default:
      return state;
  }
}

const s0 = { items: [], meta: { name: "list", owner: "me" } };
const actions = [
  { type: "add", item: "milk" },
  { type: "add", item: "eggs" },
  { type: "rename", name: "groceries" },
  { type: "remove", item: "milk" },
  { type: "unknown" },
];
const states = [s0];
for (const a of actions) states.push(reducer(states[states.length - 1], a));
const last = states[states.length - 1];
console.log(last); // expect: { items: [ 'eggs' ], meta: { name: 'groceries', owner: 'me' } }
console.log(s0); // expect: { items: [], meta: { name: 'list', owner: 'me' } }
console.log(states[4] === states[5], states[1] === states[2]); // expect: true false
console.log(states[3].items === states[2].items); // expect: true
