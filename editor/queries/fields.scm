; Fields of a class for the outline, next to tags.scm's classes and methods:
; declared fields and the fields a method assigns through `this.name = ...`
; (the runtime's instance layout takes both, see docs/language.md).

(field_definition
  property: [(property_identifier) (private_property_identifier)] @field.declared)

(assignment_expression
  left: (member_expression
    object: (this)
    property: [(property_identifier) (private_property_identifier)] @field.assigned))
