// Arrow functions stored in fields capture the instance.
class Button {
  clicks = 0;
  label;
  onClick = () => {
    this.clicks++;
    return `${this.label} clicked ${this.clicks}x`;
  };
  constructor(label) {
    this.label = label;
  }
}

const ok = new Button("OK");
const cancel = new Button("Cancel");
const handlers = [ok.onClick, cancel.onClick, ok.onClick];
for (const h of handlers) console.log(h());
// expect: OK clicked 1x
// expect: Cancel clicked 1x
// expect: OK clicked 2x
console.log(ok.onClick === cancel.onClick); // expect: false
console.log(typeof ok.onClick); // expect: function
