// A class with no live instances becomes a plain function of the same name (the generated
// removeClass + addBinding was refused).
class Label {
  constructor(text) {
    this.text = text;
  }
  render() {
    return `[${this.text}]`;
  }
}
console.log(new Label("v1").render());
