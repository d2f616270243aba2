// A photo from the library inside the body, stored by reference: <figure data-photo-id="12"></figure>.
// Readers get the photo's renditions and caption (articles/richtext.py); here it shows as a box.
import { Node } from "django-prose-editor/editor"

export const LibraryPhoto = Node.create({
  name: "libraryPhoto",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      photoId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-photo-id"),
        renderHTML: (attributes) => ({ "data-photo-id": attributes.photoId }),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-photo-id]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes]
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("figure")
      dom.className = "library-photo-placeholder"
      dom.setAttribute("data-photo-id", node.attrs.photoId)
      dom.textContent = `사진 #${node.attrs.photoId}`
      return { dom }
    }
  },

  addCommands() {
    return {
      insertLibraryPhoto:
        (photoId) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { photoId: String(photoId) } }),
    }
  },
})
